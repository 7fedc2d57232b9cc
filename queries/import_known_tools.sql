-- E-government tools of every framework.
SELECT framework_code, tool_code FROM tool
