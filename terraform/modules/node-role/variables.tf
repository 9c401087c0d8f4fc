variable "name" {
  description = "Name of the role, e.g. halyard-prod-system-node."
  type        = string
}

variable "tags" {
  description = "Tags added to the role."
  type        = map(string)
  default     = {}
}
