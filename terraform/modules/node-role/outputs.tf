output "name" {
  description = "Name of the role (an EC2NodeClass's spec.role)."
  value       = aws_iam_role.this.name
}

output "arn" {
  description = "ARN of the role, once its policies are attached (node groups and access entries wait for them)."
  value       = aws_iam_role.this.arn
  depends_on  = [aws_iam_role_policy_attachment.this]
}
