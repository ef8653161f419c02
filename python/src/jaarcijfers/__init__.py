"""Extract IND Jaarcijfers publications into the warehouse's raw seeds."""
