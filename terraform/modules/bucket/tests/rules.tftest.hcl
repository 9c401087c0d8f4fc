# The seeds' bucket rules, checked on the plan with a mocked AWS provider.

mock_provider "aws" {
  override_during = plan
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name        = "halyard-test-bucket"
  kms_key_arn = "arn:aws:kms:ap-northeast-2:111111111111:key/test"
}

run "every_bucket_is_private_encrypted_and_tls_only" {
  command = plan

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.this.block_public_acls,
      aws_s3_bucket_public_access_block.this.block_public_policy,
      aws_s3_bucket_public_access_block.this.ignore_public_acls,
      aws_s3_bucket_public_access_block.this.restrict_public_buckets,
    ])
    error_message = "Public access is blocked four ways."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "Objects are encrypted with the domain's KMS key."
  }
  assert {
    condition     = data.aws_iam_policy_document.this.statement[0].effect == "Deny" && one(data.aws_iam_policy_document.this.statement[0].condition).variable == "aws:SecureTransport"
    error_message = "The bucket policy refuses requests without TLS."
  }
  assert {
    condition     = length(aws_cloudfront_distribution.this) == 0 && length(aws_s3_bucket_object_lock_configuration.this) == 0
    error_message = "No CDN and no lock unless asked for."
  }
}

run "order_documents_are_kept_seven_years" {
  command = plan
  variables {
    retention_years = 7
  }

  assert {
    condition     = aws_s3_bucket.this.object_lock_enabled == true
    error_message = "Object Lock is on from creation."
  }
  assert {
    condition     = aws_s3_bucket_object_lock_configuration.this[0].rule[0].default_retention[0].years == 7 && aws_s3_bucket_object_lock_configuration.this[0].rule[0].default_retention[0].mode == "COMPLIANCE"
    error_message = "Seven years in compliance mode."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.expiration[0].days if r.id == "expire-after-retention"]) > 7 * 365
    error_message = "Nothing expires before the seven years are over."
  }
}

run "user_profiles_are_recoverable_for_fourteen_days" {
  command = plan
  variables {
    noncurrent_version_retention_days = 14
  }

  assert {
    condition     = aws_s3_bucket_versioning.this.versioning_configuration[0].status == "Enabled"
    error_message = "Versioning keeps overwritten and deleted profiles."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.noncurrent_version_expiration[0].noncurrent_days if r.id == "expire-previous-versions"]) == 14
    error_message = "Previous versions are kept 14 days."
  }
}

run "product_images_go_through_cloudfront_with_origin_access_control" {
  command = plan
  variables {
    cdn = { enabled = true }
  }

  assert {
    condition     = length(aws_cloudfront_distribution.this) == 1 && aws_cloudfront_origin_access_control.this[0].signing_behavior == "always"
    error_message = "A distribution signs every request to the private bucket."
  }
  assert {
    condition     = aws_cloudfront_distribution.this[0].default_cache_behavior[0].viewer_protocol_policy == "redirect-to-https"
    error_message = "Viewers are sent to HTTPS."
  }
}
