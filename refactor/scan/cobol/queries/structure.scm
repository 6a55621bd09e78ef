; COBOL structure and references (tree-sitter-language-pack 0.13.0 grammar, flat tree).
(program_definition) @definition.program
(program_name) @name.program
(section_header) @definition.section
(paragraph_header) @definition.paragraph
(procedure_division) @definition.procedure

(perform_procedure (label) @name.reference.perform)
(goto_statement (label) @name.reference.goto)
(call_statement . (string) @name.reference.call)
(copy_statement (WORD) @name.reference.copy)

(ERROR) @error
