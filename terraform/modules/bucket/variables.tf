variable "name" {
  description = "Bucket name (globally unique), e.g. halyard-order-documents-prod."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "S3 bucket names are 3-63 lowercase letters, digits, '.' or '-'."
  }
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS; every object is encrypted with it (bucket keys keep the KMS calls few)."
  type        = string
}

variable "noncurrent_version_retention_days" {
  description = "Days an overwritten or deleted object stays recoverable as a previous version (seed: user profiles 14 days)."
  type        = number
  default     = 7

  validation {
    condition     = var.noncurrent_version_retention_days >= 1
    error_message = "Keep previous versions at least one day."
  }
}

variable "retention_years" {
  description = "Object Lock in compliance mode for this many years, then expiry (seed: order documents kept 7 years); null: no lock."
  type        = number
  default     = null

  validation {
    condition     = var.retention_years == null || try(var.retention_years >= 1 && var.retention_years <= 100, false)
    error_message = "Retention is between 1 and 100 years, or null."
  }
}

variable "cdn" {
  description = "Serve the bucket through CloudFront with origin access control (product images); the bucket stays private. With aliases and an ACM certificate (us-east-1) viewers get TLS 1.2+ on our own host names; without, CloudFront's default certificate."
  type = object({
    enabled         = bool
    price_class     = optional(string, "PriceClass_200")
    web_acl_arn     = optional(string)
    aliases         = optional(list(string), [])
    certificate_arn = optional(string)
  })
  default = { enabled = false }

  validation {
    condition     = contains(["PriceClass_All", "PriceClass_200", "PriceClass_100"], var.cdn.price_class)
    error_message = "price_class is PriceClass_All, PriceClass_200 or PriceClass_100."
  }

  validation {
    condition     = (length(var.cdn.aliases) == 0) == (var.cdn.certificate_arn == null)
    error_message = "Aliases need a certificate_arn, and a certificate needs aliases."
  }
}

variable "access_log_bucket" {
  description = "Bucket that receives the server access logs (and the CDN's logs); null: no access logging."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
