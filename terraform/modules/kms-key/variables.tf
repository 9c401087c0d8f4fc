variable "alias" {
  description = "Alias of the key, without the alias/ prefix, e.g. halyard-prod-order."
  type        = string
}

variable "description" {
  description = "What the key encrypts."
  type        = string
}

variable "service_principals" {
  description = "AWS services that encrypt with the key on their own behalf, e.g. logs.<region>.amazonaws.com for CloudWatch Logs."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to the key."
  type        = map(string)
  default     = {}
}
