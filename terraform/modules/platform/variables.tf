variable "environment" {
  description = "dev or prod: NAT per AZ, MSK serverless or provisioned, node group size and retention follow it."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "dev or prod."
  }
}

variable "cidr" {
  description = "The VPC's /16 range."
  type        = string
}

variable "azs" {
  description = "The three availability zones."
  type        = list(string)
}

variable "github_repository" {
  description = "Repository (owner/name) whose workflows assume the CI roles."
  type        = string
}

variable "state_bucket" {
  description = "Name of the bucket that holds the Terraform state (made once by hand; see terraform/README.md)."
  type        = string
}

variable "admin_role_arns" {
  description = "Operators' roles (e.g. SSO) with cluster-admin access entries; the apply role is added."
  type        = set(string)
  default     = []
}

variable "image_replication" {
  description = "dev: replicate the service images to the prod account's registry, so promotion only changes a tag. prod: the dev account allowed to replicate into this registry."
  type = object({
    to_account   = optional(string)
    from_account = optional(string)
  })
  default = {}

  validation {
    condition     = alltrue([for a in [var.image_replication.to_account, var.image_replication.from_account] : a == null || can(regex("^[0-9]{12}$", a))])
    error_message = "Account ids are 12 digits."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
