# The shared platform of one environment (seed 000's core): network, EKS with its system node group, Karpenter's
# AWS side, MSK, a platform KMS key, the access-log bucket, the CI roles and image replication. Domain stacks read
# its outputs through remote state.

locals {
  prod = var.environment == "prod"
  name = "halyard-${var.environment}"
  tags = merge(var.tags, { "halyard.dev/environment" = var.environment })
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

module "key" {
  source = "../kms-key"

  alias              = "${local.name}-platform"
  description        = "${local.name}: EKS secrets, logs, MSK, node volumes"
  service_principals = ["logs.${data.aws_region.current.region}.amazonaws.com"]
  tags               = local.tags
}

module "network" {
  source = "../network"

  name               = local.name
  cidr               = var.cidr
  azs                = var.azs
  single_nat_gateway = !local.prod
  cluster_name       = local.name
  kms_key_arn        = module.key.arn
  tags               = local.tags
}

module "github" {
  source = "../github-oidc"

  repository          = var.github_repository
  name_prefix         = local.name
  ecr_repository_arns = ["arn:${data.aws_partition.current.partition}:ecr:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:repository/halyard/*"]
  state_bucket_arn    = "arn:${data.aws_partition.current.partition}:s3:::${var.state_bucket}"
  apply_environment   = var.environment
  tags                = local.tags
}

module "eks" {
  source = "../eks"

  name               = local.name
  subnet_ids         = module.network.app_subnet_ids
  admin_role_arns    = setunion(var.admin_role_arns, [module.github.apply_role_arn])
  system_node_group  = local.prod ? { min_size = 2, desired_size = 3, max_size = 4 } : { min_size = 2, desired_size = 2, max_size = 3 }
  log_retention_days = local.prod ? 365 : 30
  kms_key_arn        = module.key.arn
  tags               = local.tags
}

module "karpenter" {
  source = "../karpenter"

  cluster_name = module.eks.cluster_name
  kms_key_arn  = module.key.arn
  tags         = local.tags
}

module "kafka" {
  source = "../kafka"

  name                       = local.name
  serverless                 = !local.prod
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.mq_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  kms_key_arn                = module.key.arn
  tags                       = local.tags
}
