data "terraform_remote_state" "core" {
  backend = "s3"
  config = {
    bucket = "halyard-terraform-state-dev"
    key    = "dev/core.tfstate"
    region = "ap-northeast-2"
  }
}

module "order" {
  source = "../../../modules/domain"

  domain      = "order"
  environment = "dev"
  platform    = data.terraform_remote_state.core.outputs.platform
  topics      = { produces = ["order-events"], consumes = ["inventory-events"] }
  bucket = {
    name            = "halyard-order-documents-dev"
    retention_years = 7 # seed: order documents are kept 7 years
  }
}
