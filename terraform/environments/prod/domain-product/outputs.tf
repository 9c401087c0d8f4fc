output "product" {
  description = "What helm-charts/product/values-prod.yaml needs: database endpoint, bucket, secret names, image repository, role."
  value = {
    database_endpoint = module.product.database_endpoint
    bucket            = module.product.bucket
    public_base_url   = module.product.public_base_url
    secret_names      = module.product.secret_names
    repository_url    = module.product.repository_url
    service_role_arn  = module.product.service_role_arn
  }
}
