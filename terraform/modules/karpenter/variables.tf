variable "cluster_name" {
  description = "EKS cluster Karpenter provisions nodes for; also the value of the karpenter.sh/discovery tags."
  type        = string
}

variable "namespace" {
  description = "Namespace of the Karpenter controller's service account."
  type        = string
  default     = "kube-system"
}

variable "service_account" {
  description = "Service account of the Karpenter controller."
  type        = string
  default     = "karpenter"
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the interruption queue."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
