import { SettingsNav } from "@/components/profile/settings-nav";

// Only the frame: each page checks the user itself (layouts do not re-run on navigation).
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      {children}
    </div>
  );
}
