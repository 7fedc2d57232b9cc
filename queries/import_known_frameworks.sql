-- Framework codes an import file may refer to.
SELECT framework_code FROM framework
