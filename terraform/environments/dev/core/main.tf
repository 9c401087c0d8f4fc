module "platform" {
  source = "../../../modules/platform"

  environment       = "dev"
  cidr              = "10.10.0.0/16"
  azs               = ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"]
  github_repository = "halyard-dev/halyard"
  state_bucket      = "halyard-terraform-state-dev"
  image_replication = { to_account = "222222222222" }
}
