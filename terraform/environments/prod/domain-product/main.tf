data "terraform_remote_state" "core" {
  backend = "s3"
  config = {
    bucket = "halyard-terraform-state-prod"
    key    = "prod/core.tfstate"
    region = "ap-northeast-2"
  }
}

module "product" {
  source = "../../../modules/domain"

  domain      = "product"
  environment = "prod"
  platform    = data.terraform_remote_state.core.outputs.platform
  topics      = { produces = ["inventory-events"], consumes = ["order-events"] }
  bucket = {
    name = "halyard-product-images-prod"
    cdn  = true # seed: images served through CloudFront
  }
}
