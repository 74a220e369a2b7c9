# "قنابل الغاز", "المسيل للدموع": tear gas, not the gas supply, before an infrastructure word (accusations._harm).
قنابل\s*$|مسيل\w*\s*$
