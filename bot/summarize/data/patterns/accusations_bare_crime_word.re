# A bare "crime" word ("جرائم", "والجريمه") whose kind the words after it decide (accusations._act_hits, fullmatch).
[وفبلك]*(?:ال)?(?:جرائم|جريمه)\w*
