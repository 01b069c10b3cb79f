from quickscan_app.ui.screens.audit import render

render()
