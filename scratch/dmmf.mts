import internals from "@prisma/internals"; const { getDMMF } = internals;
import { readFileSync } from "node:fs";
const d = await getDMMF({ datamodel: readFileSync("/work/main/prisma/schema.prisma", "utf8") });
console.log(Object.keys(d.datamodel));
console.log(JSON.stringify(d.datamodel.models.find(m=>m.name==="AuditLogEntry")!.fields.slice(0,3), null, 0));
console.log(JSON.stringify(d.datamodel.indexes.filter(i=>i.model==="AuditLogEntry")));
