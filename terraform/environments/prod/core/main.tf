module "platform" {
  source = "../../../modules/platform"

  environment       = "prod"
  cidr              = "10.20.0.0/16"
  azs               = ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"]
  github_repository = "halyard-dev/halyard"
  state_bucket      = "halyard-terraform-state-prod"
  image_replication = { from_account = "111111111111" }
}
