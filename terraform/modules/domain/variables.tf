variable "domain" {
  description = "The domain: order, product or user. Also its namespace, service account and database prefix."
  type        = string

  validation {
    condition     = contains(["order", "product", "user"], var.domain)
    error_message = "order, product or user."
  }
}

variable "environment" {
  description = "dev or prod: sizes, retention and protection follow it."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "dev or prod."
  }
}

variable "platform" {
  description = "The environment's platform, as the core stack outputs it (output \"platform\" of environments/<env>/core)."
  type = object({
    vpc_id                    = string
    data_subnet_ids           = list(string)
    cluster_name              = string
    cluster_security_group_id = string
    access_log_bucket         = string
    kafka = object({
      cluster_arn      = string
      topic_arns       = map(string)
      group_arn_prefix = string
    })
  })
}

variable "topics" {
  description = "The saga topics this domain writes (produces) and reads (consumes); its role may touch no other."
  type = object({
    produces = list(string)
    consumes = list(string)
  })

  validation {
    condition     = length(concat(var.topics.produces, var.topics.consumes)) > 0
    error_message = "Every domain takes part in the saga: name at least one topic."
  }

  validation {
    condition     = alltrue([for t in concat(var.topics.produces, var.topics.consumes) : contains(keys(var.platform.kafka.topic_arns), t)])
    error_message = "produces and consumes name topics of the platform's Kafka cluster."
  }
}

variable "bucket" {
  description = "The domain's bucket and its seed rule: retention (order documents, 7 years), CDN (product images), versions kept (user profiles, 14 days)."
  type = object({
    name                              = string
    retention_years                   = optional(number)
    cdn                               = optional(bool, false)
    noncurrent_version_retention_days = optional(number, 7)
  })
}

variable "extra_secrets" {
  description = "Further secrets of the service besides its database credentials, e.g. the user service's token signing key."
  type        = set(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
