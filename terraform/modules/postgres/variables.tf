variable "name" {
  description = "Cluster identifier, e.g. halyard-prod-order."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}$", var.name))
    error_message = "Lowercase letters, digits and '-', starting with a letter, at most 63 characters."
  }
}

variable "database_name" {
  description = "The domain's database (orderdb, productdb, userdb)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name))
    error_message = "A PostgreSQL identifier: lowercase letters, digits and '_', starting with a letter."
  }
}

variable "master_username" {
  description = "Administrator user; its password is generated and kept in Secrets Manager by RDS, never in state."
  type        = string
  default     = "halyard_admin"
}

variable "engine_version" {
  description = "Aurora PostgreSQL version (major 17, as the local PostgreSQL 17 the tests run on)."
  type        = string
  default     = "17.4"

  validation {
    condition     = can(regex("^17\\.", var.engine_version))
    error_message = "Stay on PostgreSQL 17, the version the services are tested with."
  }
}

variable "serverless" {
  description = "Aurora Serverless v2 (dev: scales down when idle) instead of provisioned Graviton instances (prod)."
  type        = bool
  default     = false
}

variable "serverless_capacity" {
  description = "ACU range of Serverless v2 (0 lets an idle dev cluster pause)."
  type = object({
    min = number
    max = number
  })
  default = { min = 0, max = 4 }

  validation {
    condition     = var.serverless_capacity.min >= 0 && var.serverless_capacity.max >= 1 && var.serverless_capacity.min <= var.serverless_capacity.max && var.serverless_capacity.max <= 256
    error_message = "0 <= min <= max <= 256 ACU, max at least 1."
  }
}

variable "instance_class" {
  description = "Instance class of provisioned instances: Graviton (db.r7g, db.r8g, db.t4g)."
  type        = string
  default     = "db.r7g.large"

  validation {
    condition     = can(regex("^db\\.(r[6-8]g|t4g)\\.", var.instance_class))
    error_message = "Use a Graviton instance class (db.r7g.*, db.r8g.*, db.t4g.*)."
  }
}

variable "reader_count" {
  description = "Read replicas besides the writer (seed 002: primary + read replica in prod)."
  type        = number
  default     = 1

  validation {
    condition     = var.reader_count >= 0 && var.reader_count <= 15
    error_message = "Aurora allows 0 to 15 readers."
  }
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "The isolated data subnets (network module)."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups that may connect on 5432: the EKS cluster's. Nothing else reaches the database."
  type        = list(string)
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "Aurora keeps 1 to 35 days of backups."
  }
}

variable "deletion_protection" {
  description = "Refuse deletion (prod); a final snapshot is taken either way."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "KMS key for storage, Performance Insights and the master secret."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
