data "terraform_remote_state" "core" {
  backend = "s3"
  config = {
    bucket = "halyard-terraform-state-dev"
    key    = "dev/core.tfstate"
    region = "ap-northeast-2"
  }
}

module "product" {
  source = "../../../modules/domain"

  domain      = "product"
  environment = "dev"
  platform    = data.terraform_remote_state.core.outputs.platform
  topics      = { produces = ["inventory-events"], consumes = ["order-events"] }
  bucket = {
    name = "halyard-product-images-dev"
    cdn  = true # seed: images served through CloudFront
  }
}
