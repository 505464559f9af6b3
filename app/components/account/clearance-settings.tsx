// The secretariat's clearance settings on /users (issue 19): a delegate's approver role, and per
// mission whether its comments need an approver's clearance before they are submitted.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton } from "~/components/ui/button";
import { DataTable } from "~/components/ui/data-table";
import { ActionLabelName, HiddenFields } from "~/components/ui/post-form";

/** "Approver" or not, and the button that changes it, for one delegate's row. */
export function ApproverForm({ user }: { user: { id: string; name: string; approver: boolean } }) {
  const { t } = useTranslation("users");
  return (
    <SwitchForm
      className="account__approver"
      before={
        <>
          <span>{t(user.approver ? "clearance.approver" : "clearance.drafter")}</span>{" "}
        </>
      }
      intent="set-approver"
      row={{ userId: user.id }}
      setting={{ approver: user.approver ? "off" : "on" }}
      label={t(user.approver ? "clearance.removeApprover" : "clearance.makeApprover")}
      name={user.name}
    />
  );
}

export type MissionClearanceRow = { id: string; name: string; required: boolean; approvers: number; delegates: number };

/** Every mission with delegate accounts: whether it requires clearance, its approvers, the switch. */
export function MissionClearance({ missions }: { missions: MissionClearanceRow[] }) {
  const { t } = useTranslation("users");
  if (!missions.length) return null;
  return (
    <section className="stack" aria-labelledby="mission-clearance-title">
      <h2 id="mission-clearance-title">{t("clearance.title")}</h2>
      <p>{t("clearance.intro")}</p>
      <DataTable
        caption={t("clearance.title")}
        captionHidden
        rows={missions}
        rowKey={(m) => m.id}
        rowProps={(m) => ({ "data-delegation": m.id })}
        columns={[
          { label: t("columns.delegation"), cell: (m) => <bdi>{m.name}</bdi> },
          { label: t("clearance.columns.required"), cell: (m) => t(m.required ? "clearance.required" : "clearance.notRequired") },
          {
            label: t("clearance.columns.approvers"),
            cell: (m) => (
              <>
                {m.approvers}
                {m.required && m.approvers === 0 ? <span className="muted"> · {t("clearance.noApprover")}</span> : null}
              </>
            ),
          },
          {
            label: t("clearance.columns.change"),
            cell: (m) => (
              <SwitchForm
                intent="set-clearance"
                row={{ delegationId: m.id }}
                setting={{ required: m.required ? "off" : "on" }}
                label={t(m.required ? "clearance.turnOff" : "clearance.turnOn")}
                name={m.name}
              />
            ),
          },
        ]}
      />
    </section>
  );
}

/**
 * A form that switches one setting of one row: its intent, the row's id and the new value, and a
 * button that names the row (pending while this form, and no other row's, is on its way).
 */
function SwitchForm({
  className,
  before,
  intent,
  row,
  setting,
  label,
  name,
}: {
  className?: string;
  before?: ReactNode;
  intent: string;
  /** The row's id by its field's name. */
  row: Record<string, string>;
  setting: Record<string, "on" | "off">;
  label: string;
  name: string;
}) {
  const navigation = useNavigation();
  const [field, id] = Object.entries(row)[0]!;
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent && navigation.formData?.get(field) === id;
  return (
    <Form method="post" className={className}>
      {before}
      <HiddenFields values={{ intent, ...row, ...setting }} />
      <SubmitButton variant="secondary" size="small" pending={busy}>
        <ActionLabelName label={label} name={name} />
      </SubmitButton>
    </Form>
  );
}
