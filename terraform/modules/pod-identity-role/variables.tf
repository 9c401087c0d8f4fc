variable "name" {
  description = "Name of the role, e.g. halyard-prod-order-service."
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster of the service account."
  type        = string
}

variable "namespace" {
  description = "Namespace of the service account."
  type        = string
}

variable "service_account" {
  description = "The Kubernetes service account whose pods get the role (EKS Pod Identity)."
  type        = string
}

variable "policy_json" {
  description = "The role's one inline policy: everything the pods may do, and nothing else."
  type        = string
}

variable "tags" {
  description = "Tags added to the role and the association."
  type        = map(string)
  default     = {}
}
