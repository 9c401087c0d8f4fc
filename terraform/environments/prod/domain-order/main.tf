data "terraform_remote_state" "core" {
  backend = "s3"
  config = {
    bucket = "halyard-terraform-state-prod"
    key    = "prod/core.tfstate"
    region = "ap-northeast-2"
  }
}

module "order" {
  source = "../../../modules/domain"

  domain      = "order"
  environment = "prod"
  platform    = data.terraform_remote_state.core.outputs.platform
  topics      = { produces = ["order-events"], consumes = ["inventory-events"] }
  bucket = {
    name            = "halyard-order-documents-prod"
    retention_years = 7 # seed: order documents are kept 7 years
  }
}
