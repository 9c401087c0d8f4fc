variable "repository" {
  description = "GitHub repository (owner/name) whose workflows may assume the roles."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "owner/name, e.g. halyard-dev/halyard."
  }
}

variable "name_prefix" {
  description = "Prefix of the role names, e.g. halyard-prod."
  type        = string
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when the account already has one)."
  type        = bool
  default     = true
}

variable "ecr_repository_arns" {
  description = "Repositories the image-push role may push to (the native workflow on main)."
  type        = list(string)
}

variable "state_bucket_arn" {
  description = "Bucket of the Terraform state, which the plan role reads and the apply role writes."
  type        = string
}

variable "apply_environment" {
  description = "GitHub environment (dev or prod) whose jobs may assume the apply role; prod's requires reviewers."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.apply_environment)
    error_message = "dev or prod."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
