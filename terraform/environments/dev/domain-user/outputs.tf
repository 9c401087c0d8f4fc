output "user" {
  description = "What helm-charts/user/values-dev.yaml needs: database endpoint, bucket, secret names, image repository, role."
  value = {
    database_endpoint = module.user.database_endpoint
    bucket            = module.user.bucket
    public_base_url   = module.user.public_base_url
    secret_names      = module.user.secret_names
    repository_url    = module.user.repository_url
    service_role_arn  = module.user.service_role_arn
  }
}
