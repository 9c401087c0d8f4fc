output "image_push_role_arn" {
  description = "GitHub variable AWS_IMAGE_PUSH_ROLE_ARN (native workflow)."
  value       = aws_iam_role.this["image-push"].arn
}

output "plan_role_arn" {
  description = "GitHub variable AWS_TERRAFORM_PLAN_ROLE_ARN (terraform workflow, pull requests)."
  value       = aws_iam_role.this["plan"].arn
}

output "apply_role_arn" {
  description = "GitHub variable AWS_TERRAFORM_APPLY_ROLE_ARN of the environment (terraform workflow, main)."
  value       = aws_iam_role.this["apply"].arn
}
