variable "name" {
  description = "Cluster name, e.g. halyard-prod."
  type        = string
}

variable "serverless" {
  description = "MSK Serverless (dev: no brokers to size) instead of a provisioned cluster on Graviton brokers (prod)."
  type        = bool
  default     = false
}

variable "kafka_version" {
  description = "Kafka version of a provisioned cluster."
  type        = string
  default     = "3.9.x"
}

variable "broker_instance_type" {
  description = "Broker instance type of a provisioned cluster: Graviton (kafka.m7g.*)."
  type        = string
  default     = "kafka.m7g.large"

  validation {
    condition     = can(regex("^kafka\\.(m7g|m8g|t3)\\.", var.broker_instance_type))
    error_message = "Use a Graviton broker type (kafka.m7g.*, kafka.m8g.*) or kafka.t3.small for trials."
  }
}

variable "broker_storage_gib" {
  description = "EBS storage per broker of a provisioned cluster, in GiB."
  type        = number
  default     = 100

  validation {
    condition     = var.broker_storage_gib >= 1 && var.broker_storage_gib <= 16384
    error_message = "MSK allows 1 to 16384 GiB per broker."
  }
}

variable "topics" {
  description = "The saga's topics; their names are outputs the domain policies and services use."
  type        = list(string)
  default     = ["order-events", "inventory-events"]
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "The isolated MQ subnets (network module), one per AZ."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) == 3
    error_message = "Brokers go into three subnets, one per AZ."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups that may connect (IAM over TLS, port 9098): the EKS cluster's."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Days broker logs are kept in CloudWatch Logs."
  type        = number
  default     = 365
}

variable "kms_key_arn" {
  description = "KMS key for data at rest and the broker log group."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
