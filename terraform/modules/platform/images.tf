# One image, two accounts: dev's registry replicates halyard/* to prod's, so the promotion pull request changes only
# a tag and prod pulls from its own registry (values-prod.yaml).

resource "aws_ecr_replication_configuration" "to_prod" {
  count = var.image_replication.to_account == null ? 0 : 1
  replication_configuration {
    rule {
      destination {
        region      = data.aws_region.current.region
        registry_id = var.image_replication.to_account
      }
      repository_filter {
        filter      = "halyard/"
        filter_type = "PREFIX_MATCH"
      }
    }
  }
}

data "aws_iam_policy_document" "from_dev" {
  count = var.image_replication.from_account == null ? 0 : 1
  statement {
    sid       = "DevReplicatesHere"
    actions   = ["ecr:CreateRepository", "ecr:ReplicateImage"]
    resources = ["arn:${data.aws_partition.current.partition}:ecr:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:repository/halyard/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${var.image_replication.from_account}:root"]
    }
  }
}

resource "aws_ecr_registry_policy" "from_dev" {
  count  = var.image_replication.from_account == null ? 0 : 1
  policy = data.aws_iam_policy_document.from_dev[0].json
}

# S3 server access logs and CloudFront logs of every domain bucket
resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_18:the access-log bucket does not log access to itself
  #checkov:skip=CKV_AWS_145:S3 server access logging only writes to SSE-S3 buckets
  #checkov:skip=CKV2_AWS_65:CloudFront's standard logging writes with ACLs (BucketOwnerPreferred)
  #checkov:skip=CKV_AWS_144:logs stay in the region they describe
  #checkov:skip=CKV2_AWS_62:nothing consumes log-delivery events
  bucket = "${local.name}-access-logs-${data.aws_caller_identity.current.account_id}"
  tags   = local.tags
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  #checkov:skip=CKV2_AWS_65:CloudFront's standard logging writes with ACLs
  bucket = aws_s3_bucket.logs.id
  rule {
    # CloudFront's log delivery still writes with ACLs
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    # server access logging can only write to SSE-S3 buckets
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "expire-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = local.prod ? 400 : 30
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}
