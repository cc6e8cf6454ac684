import { BarChart3, FlaskConical, Gauge, Mail, Megaphone, Settings, ShieldCheck, Shapes, Users } from "lucide-react";

export const NAV_ITEMS = [
  { href: "/audience", label: "Audience", icon: Users },
  { href: "/segments", label: "Segments", icon: Shapes },
  { href: "/scores", label: "Scores", icon: Gauge },
  { href: "/emails", label: "Emails", icon: Mail },
  { href: "/campaigns", label: "Campaigns", icon: Megaphone },
  { href: "/experiments", label: "Experiments", icon: FlaskConical },
  { href: "/dashboards", label: "Dashboards", icon: BarChart3 },
  { href: "/consent", label: "Consent", icon: ShieldCheck },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
