data "terraform_remote_state" "core" {
  backend = "s3"
  config = {
    bucket = "halyard-terraform-state-prod"
    key    = "prod/core.tfstate"
    region = "ap-northeast-2"
  }
}

module "user" {
  source = "../../../modules/domain"

  domain        = "user"
  environment   = "prod"
  platform      = data.terraform_remote_state.core.outputs.platform
  topics        = { produces = [], consumes = ["order-events", "inventory-events"] }
  extra_secrets = ["signing-key"]
  bucket = {
    name                              = "halyard-user-profiles-prod"
    noncurrent_version_retention_days = 14 # seed: profiles recoverable for 14 days
  }
}
