"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type SizePoint = { at: string; size: number; entered: number; left: number };

/** Members over time (area, left axis) with who entered and left at each refresh (bars, right axis). */
export default function SegmentSizeChart({ points }: { points: SizePoint[] }) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="at" tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis yAxisId="size" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis yAxisId="changes" orientation="right" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip />
          <Legend />
          <Area yAxisId="size" type="monotone" dataKey="size" name="Members" stroke="#2547aa" fill="#dbe6fe" isAnimationActive={false} />
          <Bar yAxisId="changes" dataKey="entered" name="Entered" fill="#059669" isAnimationActive={false} />
          <Bar yAxisId="changes" dataKey="left" name="Left" fill="#dc2626" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
