variable "name" {
  description = "Name of the VPC and prefix of its resources, e.g. halyard-prod."
  type        = string
}

variable "cidr" {
  description = "The VPC's IPv4 range; a /16 gives each tier room (app subnets are /20 for pod IPs)."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) == 16
    error_message = "cidr must be a valid /16 range."
  }
}

variable "azs" {
  description = "Availability zones, three (seed 002: every tier in each of three AZs)."
  type        = list(string)

  validation {
    condition     = length(var.azs) == 3 && length(distinct(var.azs)) == 3
    error_message = "Give exactly three distinct availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (dev: cheaper); false puts one in each AZ (prod: an AZ outage keeps egress)."
  type        = bool
  default     = false
}

variable "cluster_name" {
  description = "EKS cluster whose load balancers and Karpenter nodes use these subnets (discovery tags)."
  type        = string
}

variable "interface_endpoints" {
  description = "AWS services reached through interface endpoints, so nodes pull images and read secrets without NAT, and operators use SSM Session Manager with no public entry."
  type        = set(string)
  default     = ["ecr.api", "ecr.dkr", "sts", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "logs", "kms"]
}

variable "flow_log_retention_days" {
  description = "Days VPC flow logs are kept in CloudWatch Logs."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "Use a retention CloudWatch Logs accepts (e.g. 30, 90, 365)."
  }
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the flow logs."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
