; References and trivia inside C sources. Captures follow the convention
; @name.reference.<kind> for uses and @trivia.<kind> for ranges that are not code.

(comment) @trivia.comment

(call_expression
  function: (identifier) @name.reference.call)

(type_identifier) @name.reference.type

(struct_specifier name: (type_identifier) @name.reference.struct)
(union_specifier name: (type_identifier) @name.reference.union)
(enum_specifier name: (type_identifier) @name.reference.enum)

(ERROR) @error
