output "arn" {
  description = "ARN of the role."
  value       = aws_iam_role.this.arn
}

output "association" {
  description = "Where the role is bound: cluster, namespace and service account."
  value = {
    cluster_name    = aws_eks_pod_identity_association.this.cluster_name
    namespace       = aws_eks_pod_identity_association.this.namespace
    service_account = aws_eks_pod_identity_association.this.service_account
  }
}
