# What Karpenter needs from AWS: a role for the nodes it starts (with an EKS access entry), a Pod Identity role for
# its controller, and the SQS queue through which EventBridge tells it about spot interruptions and rebalancing so
# it drains nodes before they go. The NodePool and EC2NodeClass come from Argo CD (argocd/platform/karpenter).

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

module "node_role" {
  source = "../node-role"

  name = "${var.cluster_name}-karpenter-node"
  tags = var.tags
}

resource "aws_eks_access_entry" "node" {
  cluster_name  = var.cluster_name
  principal_arn = module.node_role.arn
  type          = "EC2_LINUX"
  tags          = var.tags
}

resource "aws_sqs_queue" "interruption" {
  name                      = "${var.cluster_name}-karpenter"
  message_retention_seconds = 300
  kms_master_key_id         = var.kms_key_arn
  tags                      = var.tags
}

data "aws_iam_policy_document" "queue" {
  statement {
    sid       = "EventBridgeSends"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.interruption.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com", "sqs.amazonaws.com"]
    }
  }
  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.interruption.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "interruption" {
  queue_url = aws_sqs_queue.interruption.url
  policy    = data.aws_iam_policy_document.queue.json
}

locals {
  events = {
    health       = { source = ["aws.health"], detail-type = ["AWS Health Event"] }
    spot         = { source = ["aws.ec2"], detail-type = ["EC2 Spot Instance Interruption Warning"] }
    rebalance    = { source = ["aws.ec2"], detail-type = ["EC2 Instance Rebalance Recommendation"] }
    state_change = { source = ["aws.ec2"], detail-type = ["EC2 Instance State-change Notification"] }
  }
}

resource "aws_cloudwatch_event_rule" "this" {
  for_each      = local.events
  name          = "${var.cluster_name}-karpenter-${each.key}"
  description   = "Karpenter interruption handling: ${each.value["detail-type"][0]}"
  event_pattern = jsonencode(each.value)
  tags          = var.tags
}

resource "aws_cloudwatch_event_target" "this" {
  for_each  = local.events
  rule      = aws_cloudwatch_event_rule.this[each.key].name
  target_id = "karpenter"
  arn       = aws_sqs_queue.interruption.arn
}
