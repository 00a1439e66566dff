import { ActionIcon, Button, Menu, type MenuItemProps } from "@mantine/core";
import { IconChevronDown, IconDots } from "@tabler/icons-react";
import {
  createContext,
  type ReactElement,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

interface RowMenuState {
  target: RefObject<HTMLButtonElement | null>;
  /** An item opens a dialog: the menu leaves the focus to it instead of taking it back. */
  leaveFocus(): void;
}

const RowMenuContext = createContext<RowMenuState | null>(null);

/**
 * A menu whose items may open dialogs. An item that opens a dialog hands the dialog the focus:
 * Mantine's menu would otherwise take it back to the menu's button a moment after the dialog took
 * it, and typing went nowhere.
 */
function DialogMenu({
  target,
  width,
  openAtOnce = false,
  children,
}: {
  target: (ref: RefObject<HTMLButtonElement | null>) => ReactElement;
  width: number;
  /** Opens as it appears, from its button, which then has the focus to take back on closing. */
  openAtOnce?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(true);
  const state = useMemo(() => ({ target: ref, leaveFocus: () => setReturnFocus(false) }), []);
  // Once: React's strict mode runs an effect twice while developing, which would close it again.
  const opened = useRef(false);
  useEffect(() => {
    if (!openAtOnce || opened.current) return;
    opened.current = true;
    ref.current?.focus();
    ref.current?.click();
  }, [openAtOnce]);
  return (
    <Menu
      position="bottom-end"
      shadow="md"
      width={width}
      withinPortal
      returnFocus={returnFocus}
      onOpen={() => setReturnFocus(true)}
    >
      <Menu.Target>{target(ref)}</Menu.Target>
      <Menu.Dropdown>
        <RowMenuContext value={state}>{children}</RowMenuContext>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The ⋮ menu of a row, named by `label` for screen readers. A list shows one per row, so the menu
 * itself is made only when its button is first used: 25 menus set up at once made a slow phone
 * wait for every list.
 */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  const [used, setUsed] = useState(false);
  const button = (ref?: RefObject<HTMLButtonElement | null>) => (
    <ActionIcon
      ref={ref}
      variant="subtle"
      color="gray"
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={used ? undefined : false}
      onClick={used ? undefined : () => setUsed(true)}
    >
      <IconDots size={18} style={{ transform: "rotate(90deg)" }} />
    </ActionIcon>
  );
  if (!used) return button();
  return (
    <DialogMenu width={220} openAtOnce target={button}>
      {children}
    </DialogMenu>
  );
}

/** The same menu behind a labelled button, for a page's header: "Request a change ▾". */
export function ButtonMenu({
  label,
  leftSection,
  children,
}: {
  label: string;
  leftSection?: ReactNode;
  children: ReactNode;
}) {
  return (
    <DialogMenu
      width={240}
      target={(ref) => (
        <Button
          ref={ref}
          variant="default"
          leftSection={leftSection}
          rightSection={<IconChevronDown size={16} />}
        >
          {label}
        </Button>
      )}
    >
      {children}
    </DialogMenu>
  );
}

/** An item that opens a dialog; `onOpen` gets the menu's button (⋮) to return to after. */
export function RowMenuDialogItem({
  onOpen,
  ...item
}: MenuItemProps & { onOpen: (opener: HTMLElement | null) => void }) {
  const menu = useContext(RowMenuContext);
  return (
    <Menu.Item
      {...item}
      onClick={() => {
        menu?.leaveFocus();
        onOpen(menu?.target.current ?? null);
      }}
    />
  );
}

/** Where the focus goes back when a dialog closes: the button that opened it. */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return useMemo(
    () => ({
      from(element: HTMLElement | null) {
        opener.current = element;
      },
      back() {
        opener.current?.focus();
        opener.current = null;
      },
    }),
    [],
  );
}
