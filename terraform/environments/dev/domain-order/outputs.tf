output "order" {
  description = "What helm-charts/order/values-dev.yaml needs: database endpoint, bucket, secret names, image repository, role."
  value = {
    database_endpoint = module.order.database_endpoint
    bucket            = module.order.bucket
    public_base_url   = module.order.public_base_url
    secret_names      = module.order.secret_names
    repository_url    = module.order.repository_url
    service_role_arn  = module.order.service_role_arn
  }
}
