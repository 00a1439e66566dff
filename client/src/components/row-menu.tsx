import { ActionIcon, Menu, type MenuItemProps } from "@mantine/core";
import { IconDots } from "@tabler/icons-react";
import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
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
 * The ⋮ menu of a row. An item that opens a dialog hands the dialog the focus: Mantine's menu
 * would otherwise take it back to ⋮ a moment after the dialog took it, and typing went nowhere.
 */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  const target = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(true);
  const state = useMemo(() => ({ target, leaveFocus: () => setReturnFocus(false) }), []);
  return (
    <Menu
      position="bottom-end"
      shadow="md"
      width={220}
      withinPortal
      returnFocus={returnFocus}
      onOpen={() => setReturnFocus(true)}
    >
      <Menu.Target>
        <ActionIcon ref={target} variant="subtle" color="gray" aria-label={label}>
          <IconDots size={18} style={{ transform: "rotate(90deg)" }} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <RowMenuContext value={state}>{children}</RowMenuContext>
      </Menu.Dropdown>
    </Menu>
  );
}

/** An item of a row's menu that opens a dialog; `onOpen` gets the ⋮ button to return to after. */
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
