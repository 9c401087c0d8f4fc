# Seed 000's microservice-base: everything one domain owns, so a domain stack can be planned and applied alone once
# core exists. Its database, bucket, secrets and image repository, a KMS key for them, and the Pod Identity role of
# its service account, which may touch only these and its own topics.

locals {
  prod        = var.environment == "prod"
  name        = "halyard-${var.environment}-${var.domain}"
  secret_path = "halyard/${var.environment}/${var.domain}"
  tags        = merge(var.tags, { "halyard.dev/domain" = var.domain, "halyard.dev/environment" = var.environment })
}

module "key" {
  source = "../kms-key"

  alias       = local.name
  description = "${local.name}: database, bucket, secrets"
  tags        = local.tags
}

module "database" {
  source = "../postgres"

  name                       = local.name
  database_name              = "${var.domain}db"
  serverless                 = !local.prod
  reader_count               = local.prod ? 1 : 0
  backup_retention_days      = local.prod ? 14 : 1
  deletion_protection        = local.prod
  vpc_id                     = var.platform.vpc_id
  subnet_ids                 = var.platform.data_subnet_ids
  allowed_security_group_ids = [var.platform.cluster_security_group_id]
  kms_key_arn                = module.key.arn
  tags                       = local.tags
}

module "bucket" {
  source = "../bucket"

  name                              = var.bucket.name
  kms_key_arn                       = module.key.arn
  retention_years                   = var.bucket.retention_years
  noncurrent_version_retention_days = var.bucket.noncurrent_version_retention_days
  cdn                               = { enabled = var.bucket.cdn }
  access_log_bucket                 = var.platform.access_log_bucket
  tags                              = local.tags
}

module "repository" {
  source = "../ecr"

  repositories = ["halyard/${var.domain}"]
  kms_key_arn  = module.key.arn
  tags         = local.tags
}

# Values are written by operators or rotation, never by Terraform: a secret value in state would be a leak.
# External Secrets maps <secret>.username/.password into the pod (helm-charts/<domain>/values-<env>.yaml).
resource "aws_secretsmanager_secret" "this" {
  for_each                = toset(concat([local.secret_path], [for s in var.extra_secrets : "${local.secret_path}/${s}"]))
  name                    = each.value
  description             = "${var.domain} service (${var.environment}): ${each.value}"
  kms_key_id              = module.key.arn
  recovery_window_in_days = local.prod ? 30 : 7
  tags                    = local.tags
}
