# The controller's permissions, scoped to what it tags and the node role it passes.

locals {
  region  = data.aws_region.current.region
  account = data.aws_caller_identity.current.account_id
  arn     = "arn:${data.aws_partition.current.partition}"
}

data "aws_iam_policy_document" "controller" {
  statement {
    sid     = "LaunchNodes"
    actions = ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:CreateTags"]
    resources = [
      "${local.arn}:ec2:${local.region}:*:*",
      "${local.arn}:ec2:${local.region}::image/*",
      "${local.arn}:ec2:${local.region}::snapshot/*",
    ]
  }
  statement {
    sid       = "ManageOwnNodes"
    actions   = ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"]
    resources = ["${local.arn}:ec2:${local.region}:${local.account}:*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/karpenter.sh/discovery"
      values   = [var.cluster_name]
    }
  }
  statement {
    sid = "Describe"
    actions = [
      "ec2:DescribeAvailabilityZones", "ec2:DescribeImages", "ec2:DescribeInstances",
      "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplates",
      "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets", "pricing:GetProducts",
    ]
    # describe calls cannot be scoped to resources
    resources = ["*"]
  }
  statement {
    sid       = "AmiParameters"
    actions   = ["ssm:GetParameter"]
    resources = ["${local.arn}:ssm:${local.region}::parameter/aws/service/*"]
  }
  statement {
    sid       = "PassNodeRole"
    actions   = ["iam:PassRole"]
    resources = [module.node_role.arn]
  }
  statement {
    sid = "InstanceProfiles"
    actions = [
      "iam:CreateInstanceProfile", "iam:TagInstanceProfile", "iam:AddRoleToInstanceProfile",
      "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile",
      "iam:ListInstanceProfiles",
    ]
    resources = ["${local.arn}:iam::${local.account}:instance-profile/*"]
  }
  statement {
    sid       = "Interruptions"
    actions   = ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"]
    resources = [aws_sqs_queue.interruption.arn]
  }
  statement {
    sid       = "DecryptQueue"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
  statement {
    sid       = "Cluster"
    actions   = ["eks:DescribeCluster"]
    resources = ["${local.arn}:eks:${local.region}:${local.account}:cluster/${var.cluster_name}"]
  }
}

module "controller_role" {
  source = "../pod-identity-role"

  name            = "${var.cluster_name}-karpenter-controller"
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = var.service_account
  policy_json     = data.aws_iam_policy_document.controller.json
  tags            = var.tags
}
