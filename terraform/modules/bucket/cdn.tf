# Product images through CloudFront. Keys change when an image changes (content hash in the key), so objects are
# cached for a year and never invalidated.

resource "aws_cloudfront_origin_access_control" "this" {
  count                             = var.cdn.enabled ? 1 : 0
  name                              = var.name
  description                       = "Signed requests from CloudFront to ${var.name}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "this" {
  count = var.cdn.enabled ? 1 : 0
  name  = "${var.name}-security"

  security_headers_config {
    content_type_options {
      override = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  count           = var.cdn.enabled ? 1 : 0
  enabled         = true
  is_ipv6_enabled = true
  comment         = "${var.name} (images)"
  price_class     = var.cdn.price_class
  web_acl_id      = var.cdn.web_acl_arn

  origin {
    origin_id                = "s3"
    domain_name              = aws_s3_bucket.this.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this[0].id
  }

  default_cache_behavior {
    target_origin_id           = "s3"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = "658327ea-f89d-4fab-a63d-7e88639e58f6" # AWS managed: CachingOptimized
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this[0].id
  }

  dynamic "logging_config" {
    for_each = var.access_log_bucket == null ? [] : [var.access_log_bucket]
    content {
      bucket = "${logging_config.value}.s3.amazonaws.com"
      prefix = "cloudfront/${var.name}/"
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  aliases = var.cdn.aliases

  viewer_certificate {
    cloudfront_default_certificate = var.cdn.certificate_arn == null
    acm_certificate_arn            = var.cdn.certificate_arn
    ssl_support_method             = var.cdn.certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.cdn.certificate_arn == null ? null : "TLSv1.2_2021"
  }

  tags = var.tags
}
