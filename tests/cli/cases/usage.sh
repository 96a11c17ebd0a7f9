$HD frobnicate
$HD search
$HD --db nowhere.db search an
$HD init
$HD init
