# Roles GitHub Actions assume with its OIDC token; no long-lived AWS keys exist. Each role trusts only this
# repository and only the workflow context it is for: pushes from main, plans from pull requests, applies from jobs
# of one GitHub environment.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  issuer = "token.actions.githubusercontent.com"
  provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : (
  "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.issuer}")
  roles = {
    image-push = "repo:${var.repository}:ref:refs/heads/main"
    plan       = "repo:${var.repository}:pull_request"
    apply      = "repo:${var.repository}:environment:${var.apply_environment}"
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.create_oidc_provider ? 1 : 0
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

data "aws_iam_policy_document" "trust" {
  for_each = local.roles
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      values   = [each.value]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each             = local.roles
  name                 = "${var.name_prefix}-github-${each.key}"
  assume_role_policy   = data.aws_iam_policy_document.trust[each.key].json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "image_push" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # the token call has no resource
  }
  statement {
    sid = "Push"
    actions = [
      "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
    ]
    resources = var.ecr_repository_arns
  }
}

resource "aws_iam_role_policy" "image_push" {
  name   = "push-service-images"
  role   = aws_iam_role.this["image-push"].id
  policy = data.aws_iam_policy_document.image_push.json
}

data "aws_iam_policy_document" "state" {
  statement {
    sid       = "State"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.state_bucket_arn}/*"]
  }
  statement {
    sid       = "StateBucket"
    actions   = ["s3:ListBucket"]
    resources = [var.state_bucket_arn]
  }
}

# plan: read everything, write only the lock file next to the state
resource "aws_iam_role_policy_attachment" "plan" {
  role       = aws_iam_role.this["plan"].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "plan_state" {
  name   = "terraform-state"
  role   = aws_iam_role.this["plan"].id
  policy = data.aws_iam_policy_document.state.json
}

# apply creates and changes everything the stacks own (VPC, EKS, IAM roles, databases): administrator, but only from
# jobs of the GitHub environment, which for prod requires a reviewer's approval
resource "aws_iam_role_policy_attachment" "apply" {
  role       = aws_iam_role.this["apply"].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
}
