output "bucket" {
  description = "Bucket name (the service's halyard.storage.bucket)."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "Bucket ARN, for the domain's least-privilege policy."
  value       = aws_s3_bucket.this.arn
}

output "public_base_url" {
  description = "CloudFront URL of the objects (product's halyard.storage.public-base-url); null without CDN."
  value       = var.cdn.enabled ? "https://${aws_cloudfront_distribution.this[0].domain_name}" : null
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution; null without CDN."
  value       = var.cdn.enabled ? aws_cloudfront_distribution.this[0].arn : null
}
