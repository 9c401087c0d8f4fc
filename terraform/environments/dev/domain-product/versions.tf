# The product domain in dev: planned and applied on its own once core exists.
terraform {
  required_version = "~> 1.11.4"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.47.0"
    }
  }

  # state in S3 with S3's native lock file (no DynamoDB table); the bucket is made once by hand (terraform/README.md)
  backend "s3" {
    bucket       = "halyard-terraform-state-dev"
    key          = "dev/domain-product.tfstate"
    region       = "ap-northeast-2"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region              = "ap-northeast-2"
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      "halyard.dev/managed-by" = "terraform"
      "halyard.dev/stack"      = "dev/domain-product"
    }
  }
}
