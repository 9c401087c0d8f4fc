output "vpc_id" {
  description = "The VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "The VPC's IPv4 range."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets (the NLB in front of ingress-nginx, NAT gateways)."
  value       = aws_subnet.public[*].id
}

output "app_subnet_ids" {
  description = "Private app subnets: EKS nodes and pods (tagged for Karpenter discovery)."
  value       = aws_subnet.app[*].id
}

output "data_subnet_ids" {
  description = "Isolated data subnets: the Aurora clusters."
  value       = aws_subnet.data[*].id
}

output "mq_subnet_ids" {
  description = "Isolated MQ subnets: the MSK brokers."
  value       = aws_subnet.mq[*].id
}

output "management_subnet_id" {
  description = "Management subnet: where an operator's SSM-managed bastion instance (if any) runs."
  value       = aws_subnet.management.id
}

output "nat_public_ips" {
  description = "Egress addresses of the NAT gateways (for allow lists of third parties)."
  value       = aws_eip.nat[*].public_ip
}
