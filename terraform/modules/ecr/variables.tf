variable "repositories" {
  description = "Repository names, one per service (e.g. halyard/order); the native workflow pushes <name>:<commit>."
  type        = set(string)

  validation {
    condition     = alltrue([for r in var.repositories : can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", r))])
    error_message = "ECR repository names are lowercase words separated by '.', '_', '-' or '/'."
  }
}

variable "keep_images" {
  description = "Tagged images kept per repository; older ones expire (rollback needs the last few)."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_images >= 5
    error_message = "Keep at least 5 images, or a rollback may find its image gone."
  }
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the images; null uses the AWS-managed ECR key."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
