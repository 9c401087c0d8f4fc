# The service's AWS identity: EKS Pod Identity for service account <domain>/<domain>, least privilege.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

data "aws_iam_policy_document" "service" {
  statement {
    sid       = "OwnObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${module.bucket.arn}/*"]
  }
  statement {
    sid       = "OwnBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [module.bucket.arn]
  }
  statement {
    sid       = "OwnKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [module.key.arn]
  }
  statement {
    sid       = "OwnSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [for s in aws_secretsmanager_secret.this : s.arn]
  }
  statement {
    sid       = "Kafka"
    actions   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"]
    resources = [var.platform.kafka.cluster_arn]
  }
  dynamic "statement" {
    for_each = length(var.topics.produces) > 0 ? [1] : []
    content {
      sid       = "Produce"
      actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
      resources = [for t in var.topics.produces : var.platform.kafka.topic_arns[t]]
    }
  }
  dynamic "statement" {
    for_each = length(var.topics.consumes) > 0 ? [1] : []
    content {
      sid       = "Consume"
      actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
      resources = [for t in var.topics.consumes : var.platform.kafka.topic_arns[t]]
    }
  }
  statement {
    sid       = "OwnConsumerGroup"
    actions   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
    resources = ["${var.platform.kafka.group_arn_prefix}/${var.domain}"]
  }
  statement {
    sid       = "DatabaseIamAuth"
    actions   = ["rds-db:connect"]
    resources = ["arn:${data.aws_partition.current.partition}:rds-db:*:${data.aws_caller_identity.current.account_id}:dbuser:${module.database.cluster_resource_id}/${var.domain}"]
  }
}

module "service_role" {
  source = "../pod-identity-role"

  name            = "${local.name}-service"
  cluster_name    = var.platform.cluster_name
  namespace       = var.domain
  service_account = var.domain
  policy_json     = data.aws_iam_policy_document.service.json
  tags            = local.tags
}
