package httpapi

// Heat is heat, for the contrast test.
var Heat = heat
