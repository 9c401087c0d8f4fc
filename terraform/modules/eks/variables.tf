variable "name" {
  description = "Cluster name, e.g. halyard-prod."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the system node group."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\.(3[3-9])$", var.kubernetes_version))
    error_message = "EKS 1.33 or newer (the manifests are validated against the 1.33 schemas)."
  }
}

variable "subnet_ids" {
  description = "Private app subnets for the control plane's network interfaces and the nodes (network module)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "EKS needs subnets in at least two availability zones."
  }
}

variable "admin_role_arns" {
  description = "IAM roles (e.g. the operators' SSO role, the Terraform apply role) given cluster-admin through access entries."
  type        = set(string)
  default     = []
}

variable "system_node_group" {
  description = "Managed node group for system workloads and the Karpenter controller: Graviton t4g (ARM64) on AL2023; everything else runs on Karpenter's nodes."
  type = object({
    instance_types = optional(list(string), ["t4g.large"])
    min_size       = optional(number, 2)
    max_size       = optional(number, 4)
    desired_size   = optional(number, 2)
  })
  default = {}

  validation {
    condition     = alltrue([for t in var.system_node_group.instance_types : can(regex("^(t4g|m[6-8]g|c[6-8]g|r[6-8]g)[a-z]*\\.", t))])
    error_message = "System nodes are Graviton (ARM64) instance types such as t4g.large."
  }

  validation {
    condition     = var.system_node_group.min_size >= 1 && var.system_node_group.min_size <= var.system_node_group.desired_size && var.system_node_group.desired_size <= var.system_node_group.max_size
    error_message = "Need 1 <= min_size <= desired_size <= max_size."
  }
}

variable "log_retention_days" {
  description = "Days the control plane's logs are kept in CloudWatch Logs."
  type        = number
  default     = 90
}

variable "kms_key_arn" {
  description = "KMS key for envelope encryption of Kubernetes secrets and for the control-plane log group."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
